package io.sightline.testkit.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

/**
 * Entry point of {@code ./sightline bench <name> [args]}. A benchmark named {@code misp-import}
 * is the class {@code MispImportBench} of this package with a {@code main(String[])} method, so
 * adding a benchmark needs no registration here.
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ./sightline bench <name> [args]   (see README for the list)");
            System.exit(2);
        }
        String className = Benchmarks.class.getPackageName() + "." + toClassName(args[0]);
        Method main;
        try {
            main = Class.forName(className).getMethod("main", String[].class);
        } catch (ClassNotFoundException e) {
            System.err.println("unknown benchmark: " + args[0]);
            System.exit(2);
            return;
        }
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            // A failed benchmark must end too, not wait on the pool threads of its client.
            e.getCause().printStackTrace();
            System.exit(1);
        }
        // A benchmark is done when its main returns, whatever pool threads a client library left behind.
        System.exit(0);
    }

    static String toClassName(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.toLowerCase(Locale.ROOT).split("-")) {
            if (!part.isEmpty()) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.append("Bench").toString();
    }
}
