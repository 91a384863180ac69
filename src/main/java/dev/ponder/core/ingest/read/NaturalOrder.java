package dev.ponder.core.ingest.read;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders names with numbers as people do: {@code samples/2_epoch_1.json} before {@code samples/10_epoch_1.json}. */
final class NaturalOrder implements Comparator<String> {
    private static final Pattern PARTS = Pattern.compile("(\\d+)|(\\D+)");

    @Override
    public int compare(String a, String b) {
        Matcher left = PARTS.matcher(a);
        Matcher right = PARTS.matcher(b);
        while (left.find() && right.find()) {
            int order;
            if (left.group(1) != null && right.group(1) != null) {
                order = new BigInteger(left.group(1)).compareTo(new BigInteger(right.group(1)));
            } else {
                order = left.group().compareTo(right.group());
            }
            if (order != 0) {
                return order;
            }
        }
        return a.compareTo(b);
    }
}
