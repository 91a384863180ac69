package dev.ponder.core.replay;

/** A server's answer that no later try changes (404, 400, 401, …), explained; its status for those who branch on it. */
final class ServerRefusal extends ReplayException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status the server answered with. */
    final int status;

    /** What the server said, as it said it (an error body's message). */
    final String said;

    ServerRefusal(int status, String said, String message) {
        super(message);
        this.status = status;
        this.said = said;
    }

    /** Whether the server has nothing at the address asked (no such endpoint there, or none for this model). */
    boolean noSuchEndpoint() {
        return status == 404 || status == 405;
    }
}
