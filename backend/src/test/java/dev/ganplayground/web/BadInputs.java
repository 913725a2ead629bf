package dev.ganplayground.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generators for property tests of bad input (seeded, so every run tries the same cases and a failure reproduces):
 * malformed JSON bodies, and every numeric hyperparameter inside, on and outside its bounds, with non-finite and
 * mistyped values. Also the check that an error body leaks nothing of the server's insides.
 */
final class BadInputs {
    /** One numeric config field and its documented range (config records' validate methods). */
    record Field(String pointer, boolean integer, double lo, double hi, boolean loOpen, boolean hiOpen) {
        boolean accepts(double v) {
            return Double.isFinite(v) && (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi)
                    && (!integer || v == Math.rint(v));
        }

        /** The overrides object that sets this field to the raw JSON {@code value}. */
        String overrides(String value) {
            String[] parts = pointer.substring(1).split("/");
            String json = value;
            for (int i = parts.length - 1; i >= 0; i--) {
                // a list index (the first hidden layer) becomes a one-element list
                json = parts[i].chars().allMatch(Character::isDigit) ? "[" + json + "]"
                        : "{\"" + parts[i] + "\":" + json + "}";
            }
            return json;
        }
    }

    static Field ints(String pointer, long lo, long hi) {
        return new Field(pointer, true, lo, hi, false, false);
    }

    static Field reals(String pointer, double lo, double hi, boolean loOpen, boolean hiOpen) {
        return new Field(pointer, false, lo, hi, loOpen, hiOpen);
    }

    /** Every numeric field of a run config (the ring8 preset's values elsewhere). */
    static final List<Field> FIELDS = List.of(
            ints("/seed", 0, 1L << 53),
            reals("/data/spread", 0, 1, false, false),
            ints("/model/latentDim", 1, 128), ints("/model/baseChannels", 4, 128),
            ints("/model/gHidden/0", 1, 1024), ints("/model/dHidden/0", 1, 1024),
            ints("/train/batchSize", 1, 4096), ints("/train/dSteps", 1, 20),
            reals("/train/optimizerD/lr", 0, 10, true, false), reals("/train/optimizerG/lr", 0, 10, true, false),
            reals("/train/optimizerD/beta1", 0, 1, false, true), reals("/train/optimizerD/beta2", 0, 1, false, true),
            reals("/train/optimizerG/beta1", 0, 1, false, true), reals("/train/optimizerG/momentum", 0, 1, false, true),
            ints("/view/itersPerTick", 1, 1000), ints("/view/slowDelayMs", 0, 10_000),
            ints("/view/frameSamples", 16, 4096), ints("/view/heatmapSize", 8, 128), ints("/view/manifoldSize", 4, 64),
            ints("/view/evalEvery", 10, 100_000), ints("/view/maxFramesPerSecond", 1, 60), ints("/view/gridSize", 2, 10),
            ints("/view/walkSteps", 3, 16), ints("/view/walkFrom", 0, 99), ints("/view/walkTo", 0, 99),
            ints("/view/imageEvery", 1, 10_000), ints("/view/timelineFrames", 16, 2000),
            ints("/view/interpFrom", 0, 999), ints("/view/interpTo", 0, 999),
            ints("/model/autoencoder/codeSize", 1, 1024), ints("/model/autoencoder/labels", 10, 10_000),
            reals("/train/autoencoder/corruptionLevel", 0, 1, false, false),
            reals("/train/autoencoder/sparsityTarget", 0, 0.99, true, false),
            reals("/train/autoencoder/klWeight", 0, 100, false, false),
            ints("/remedies/packing", 1, 4), reals("/remedies/realLabel", 0.5, 1, false, false),
            ints("/remedies/minibatchDiscrimination/kernels", 1, 128),
            ints("/remedies/minibatchDiscrimination/kernelDims", 1, 32),
            ints("/remedies/replay/size", 16, 1 << 20), reals("/remedies/replay/fraction", 0, 1, false, false),
            reals("/alarm/minHq", 0, 1, false, false), ints("/alarm/checks", 1, 100),
            // recoverFraction must also exceed collapseFraction (0.5 in ring8)
            reals("/alarm/recoverFraction", 0.5, 1, true, false));

    /** A value for {@code f}: inside, on a bound, just outside, far outside, or not a finite number at all. */
    static String value(Field f, Random rnd) {
        double span = f.hi() - f.lo();
        return switch (rnd.nextInt(14)) {
            case 0 -> number(f, f.lo() + rnd.nextDouble() * span);
            case 1 -> number(f, f.lo());
            case 2 -> number(f, f.hi());
            case 3 -> number(f, f.integer() ? f.lo() - 1 : f.lo() - Math.max(1e-9, Math.abs(f.lo()) * 1e-6));
            case 4 -> number(f, f.integer() ? f.hi() + 1 : f.hi() * (1 + 1e-6) + 1e-9);
            case 5 -> pick(rnd, "-1", "0", "-0.0", "2147483648", "1000000000", "-9223372036854775809",
                    "99999999999999999999999");
            case 6 -> pick(rnd, "1e309", "-1e309", "1e-400", "1.0e400");
            case 7 -> pick(rnd, "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"5\"", "\"\"");
            case 8 -> pick(rnd, "null", "true", "[]", "{}", "[1]", "{\"v\":1}");
            case 9 -> number(f, f.lo() + 0.5); // a fraction: wrong for integers
            default -> number(f, f.lo() + rnd.nextDouble() * span);
        };
    }

    /** Whether {@code json} (from {@link #value}) is a value the field must accept. */
    static boolean valid(Field f, String json) {
        if (!json.matches("-?[0-9][0-9.eE+-]*")) {
            return false;
        }
        if (f.integer() && !json.matches("-?[0-9]+")) {
            return false; // the strict mapper takes no 1.0 or 1e2 for an integer
        }
        double v = Double.parseDouble(json);
        if (f.integer() && Math.abs(v) > 9.007199254740992E15) {
            return false; // beyond a long or the seed's range
        }
        return f.accepts(v);
    }

    private static String number(Field f, double v) {
        if (f.integer()) {
            return Long.toString((long) Math.floor(v));
        }
        return Double.toString(v);
    }

    /** A request body that is not a valid create request (malformed, mistyped, unknown fields, huge, deep). */
    static String malformedBody(Random rnd) {
        String valid = "{\"preset\":\"ring8\",\"overrides\":{\"train\":{\"batchSize\":64},\"seed\":5}}";
        return switch (rnd.nextInt(12)) {
            case 0 -> valid.substring(0, 1 + rnd.nextInt(valid.length() - 2)); // truncated
            case 1 -> randomText(rnd, 1 + rnd.nextInt(200));
            case 2 -> "[".repeat(1 + rnd.nextInt(20_000)) + "]".repeat(rnd.nextInt(3));
            case 3 -> "{\"overrides\":".repeat(40 + rnd.nextInt(2000)) + "{}" + "}".repeat(rnd.nextInt(40));
            case 4 -> "{\"preset\":\"" + "x".repeat(60_000 + rnd.nextInt(10_000)) + "\"}";
            case 5 -> "\uFEFF" + valid;
            case 6 -> "{\"preset\":\"ring8\",\"preset\":\"grid25\"}";
            case 7 -> pick(rnd, "[]", "42", "\"ring8\"", "true", "null x", "{}{}", "{,}", "{\"a\" 1}");
            case 8 -> "{\"" + pick(rnd, "presett", "override", "learningrate", "__proto__", "") + "\":1}";
            case 9 -> "{\"preset\":" + pick(rnd, "1", "[]", "{}", "true", "\"nope\"", "\"../../etc/passwd\"") + "}";
            case 10 -> "{\"overrides\":" + pick(rnd, "1", "[]", "\"x\"", "true",
                    "{\"train\":{\"learningrate\":0.001}}", "{\"train\":{\"optimizerD\":{\"lr\":NaN}}}",
                    "{\"model\":{\"gHidden\":[1,2,3,4,5,6,7,8,9,10]}}", "{\"model\":{\"gHidden\":[null]}}",
                    "{\"data\":{\"kind\":\"ring9\"}}", "{\"data\":{\"kind\":7}}",
                    "{\"data\":{\"kind\":\"drawn\",\"points\":[[1]]}}", "{\"model\":{\"noise\":null}}") + "}";
            default -> "{\"preset\":\"ring8\",\"overrides\":" + randomJson(rnd, 4) + "}";
        };
    }

    /** Arbitrary JSON, a few levels deep, with keys that are sometimes real config keys. */
    static String randomJson(Random rnd, int depth) {
        int kind = depth == 0 ? rnd.nextInt(4) : rnd.nextInt(6);
        return switch (kind) {
            case 0 -> Long.toString(rnd.nextLong() >> rnd.nextInt(64));
            case 1 -> Double.toString(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20));
            case 2 -> "\"" + randomText(rnd, rnd.nextInt(8)).replace("\\", "").replace("\"", "") + "\"";
            case 3 -> pick(rnd, "true", "false", "null");
            case 4 -> {
                List<String> items = new ArrayList<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    items.add(randomJson(rnd, depth - 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                List<String> members = new ArrayList<>();
                String[] keys = {"train", "model", "view", "data", "seed", "batchSize", "lr", "kind", "x", "gHidden"};
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    members.add("\"" + keys[rnd.nextInt(keys.length)] + i + "\":" + randomJson(rnd, depth - 1));
                }
                yield "{" + String.join(",", members) + "}";
            }
        };
    }

    private static String randomText(Random rnd, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) (rnd.nextInt(3) == 0 ? rnd.nextInt(0xD7FF) : 32 + rnd.nextInt(95)));
        }
        return sb.toString();
    }

    static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static final Pattern LEAK = Pattern.compile(
            "\\tat |\\bat [a-z]+\\.[a-z]+\\.|Exception|\\.java\\b|dev\\.ganplayground|com\\.fasterxml|io\\.vertx|"
                    + "java\\.lang|org\\.nd4j|/home/|/work/|/tmp/|/usr/|[A-Za-z]:\\\\");

    /** An error text must not show stack frames, Java class or package names, or file paths. */
    static void assertLeaksNothing(String body) {
        assertThat(LEAK.matcher(body).find()).as("leak in %s", abbreviate(body)).isFalse();
    }

    static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "...";
    }
}
