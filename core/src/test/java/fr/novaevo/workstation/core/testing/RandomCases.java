package fr.novaevo.workstation.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property checks over seeded random cases: a property runs against {@code cases} inputs drawn from a
 * {@link SplittableRandom}, each case from its own seed, so that a failure names the one seed that replays it.
 *
 * <p>Deterministic by default (the same cases on every run and on CI, no flaky build). To explore further:
 * {@code -Drandomcases.seed=<n>} picks another base seed, {@code -Drandomcases.factor=<k>} runs k times as many
 * cases, and {@code -Drandomcases.replay=<case seed>} runs only the case printed by a failure.
 *
 * <p>Why not jqwik: decision 0011 (its 1.10 engine tells AI agents not to use it; we respect the author's wish).
 */
public final class RandomCases {

    private static final long DEFAULT_SEED = 0x5EED_2026_11_21L;

    private RandomCases() {
    }

    /**
     * Runs {@code property} on {@code cases} random inputs; the first failing case is reported with its seed.
     *
     * @param property draws what it needs from the random source and asserts; any exception is a failure
     */
    public static void check(int cases, Consumer<SplittableRandom> property) {
        Objects.requireNonNull(property, "property");
        String replay = System.getProperty("randomcases.replay");
        if (replay != null && !replay.isBlank()) {
            runCase(Long.decode(replay.strip()), property);
            return;
        }
        long base = Long.getLong("randomcases.seed", DEFAULT_SEED);
        int factor = Math.max(1, Integer.getInteger("randomcases.factor", 1));
        SplittableRandom seeds = new SplittableRandom(base);
        for (int i = 0; i < cases * factor; i++) {
            runCase(seeds.nextLong(), property);
        }
    }

    private static void runCase(long seed, Consumer<SplittableRandom> property) {
        try {
            property.accept(new SplittableRandom(seed));
        } catch (Throwable failure) {
            throw new AssertionError("Property failed for case seed " + seed + " (replay with -Drandomcases.replay="
                    + seed + "): " + failure, failure);
        }
    }

    /** An int in {@code [min, max]}, both included. */
    public static int between(SplittableRandom random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** One of the values, equally likely. */
    @SafeVarargs
    public static <T> T oneOf(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** One element of a non-empty list, equally likely. */
    public static <T> T oneOf(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Random bytes, from 0 to {@code maxLength} of them. */
    public static byte[] bytes(SplittableRandom random, int maxLength) {
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(b);
        return b;
    }

    /** A string of 0 to {@code maxLength} characters taken from {@code alphabet}. */
    public static String string(SplittableRandom random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** A string of 0 to {@code maxLength} characters in {@code [from, to]}. */
    public static String string(SplittableRandom random, char from, char to, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) random.nextInt(from, to + 1));
        }
        return s.toString();
    }

    /** A list of 0 to {@code maxSize} elements, each drawn by {@code element}. */
    public static <T> List<T> listOf(SplittableRandom random, int maxSize, Function<SplittableRandom, T> element) {
        int size = random.nextInt(maxSize + 1);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.apply(random));
        }
        return list;
    }
}
