package se.samverka.app.support;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class against one running service, started once for the class on a data directory of
 * its own, with the facilitator logged in. Subclasses add their own {@code @BeforeAll}, which
 * runs after this one.
 */
public abstract class ServiceTest {
    @TempDir
    protected static Path dataDir;
    protected static RunningSamverka samverka;
    protected static ApiClient api;
    protected static String facilitator;

    @BeforeAll
    static void startService() {
        samverka = RunningSamverka.start(dataDir);
        api = new ApiClient(samverka.baseUrl());
        facilitator = api.loginAdmin();
    }

    @AfterAll
    static void stopService() {
        samverka.stop();
    }
}
