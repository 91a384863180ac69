package dev.ponder.core.ingest.record;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream's first bytes only: a growing file read up to where it was complete, a long first record read up to the
 * detection's cap.
 */
public final class FirstBytes extends FilterInputStream {
    private long left;

    public FirstBytes(InputStream in, long length) {
        super(in);
        this.left = length;
    }

    /** Whether every byte allowed has been read: a reader that stops here stopped at the limit. */
    public boolean exhausted() {
        return left <= 0;
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, left));
        if (n > 0) {
            left -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, left));
        left -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), left);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
