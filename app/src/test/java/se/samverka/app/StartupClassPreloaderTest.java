package se.samverka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The preload list only speeds a start up if it still names the classes a start loads: after a
 * dependency upgrade renamed many of them, this says so (regenerate it, see the class comment).
 */
class StartupClassPreloaderTest {

    @Test
    void theListStillNamesClassesThatExist() throws IOException {
        ClassLoader loader = StartupClassPreloader.class.getClassLoader();
        List<String> names;
        try (InputStream in = loader.getResourceAsStream(StartupClassPreloader.LIST)) {
            assertThat(in).as(StartupClassPreloader.LIST).isNotNull();
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        long missing = names.stream().filter(name -> {
            try {
                Class.forName(name, false, loader);
                return false;
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        }).count();
        assertThat(names).hasSizeGreaterThan(1000);
        assertThat(missing).as("classes in the list that no longer exist").isLessThan(names.size() / 20);
    }
}
