package dev.ponder.core.analysis;

/** Small runs for hand-computed cases: a problem's samples as "answer:verdict[:score[:tokens]]" strings. */
final class Runs {
    private Runs() {}

    /**
     * Each argument is one problem; each sample is {@code answer:verdict} with optional {@code :score} and
     * {@code :tokens}; an answer of {@code -} means no answer, a verdict of {@code ?} ungraded, a score of {@code -}
     * none; a token count ending in {@code !} marks a sample cut off before it finished.
     */
    static RunColumns of(String... problems) {
        RunColumns.Builder builder = new RunColumns.Builder();
        long id = 1;
        for (int p = 0; p < problems.length; p++) {
            builder.problem(100 + p);
            String[] samples =
                    problems[p].isBlank() ? new String[0] : problems[p].trim().split("\\s+");
            for (int i = 0; i < samples.length; i++) {
                String[] parts = samples[i].split(":");
                String answer = parts[0].equals("-") ? null : parts[0];
                Boolean verdict = parts[1].equals("?") ? null : parts[1].equals("1");
                Double score = parts.length > 2 && !parts[2].equals("-") ? Double.valueOf(parts[2]) : null;
                Integer tokens = null;
                boolean finished = true;
                if (parts.length > 3) {
                    finished = !parts[3].endsWith("!");
                    tokens = Integer.valueOf(parts[3].replace("!", ""));
                }
                builder.sample(id++, i, verdict, answer, answer, score, tokens, null, finished);
            }
        }
        return builder.build();
    }
}
