package se.samverka.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads, on a second thread, the classes a start is known to need, so that the main thread,
 * which builds the context one bean after another, finds most of them already defined. Reading
 * some 8,700 classes out of the jars nested in {@code samverka.jar} is a large share of a start
 * (issue 8) and it is all on the main thread otherwise; the machine has a second core for it.
 *
 * <p>Classes are only loaded, not initialised: no static initialiser runs earlier or on another
 * thread than it would anyway. The list is a hint: a class it names that no longer exists is
 * skipped, one it misses is loaded by the main thread as before. Regenerate it after larger
 * dependency changes from a start's class-loading log:
 * <pre>
 * java -Xlog:class+load:file=cl.txt -Dspring.context.exit=onRefresh -jar app/target/samverka.jar
 * grep 'source: jar:nested' cl.txt | awk '{print $2}' | grep -v '^org\.springframework\.boot\.loader' \
 *     | grep -vE '\$\$|Lambda|jdk\.proxy|\$Proxy' > app/src/main/resources/META-INF/samverka/startup-classes.txt
 * </pre>
 */
final class StartupClassPreloader {
    static final String LIST = "META-INF/samverka/startup-classes.txt";

    private StartupClassPreloader() {
    }

    static void start() {
        ClassLoader loader = StartupClassPreloader.class.getClassLoader();
        Thread thread = new Thread(() -> preload(loader), "startup-class-preloader");
        thread.setDaemon(true);
        thread.start();
    }

    private static void preload(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(LIST)) {
            if (in == null) {
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = lines.readLine(); name != null; name = lines.readLine()) {
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError skipped) {
                    // A stale entry or a class that needs an absent optional dependency: the
                    // main thread decides what happens if it ever needs it.
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Only a speed-up: the start goes on without it.
        }
    }
}
