package se.samverka.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Samverka: the command side, the query side and the web client, with embedded stores unless
 * real ones are configured. By default in one process; {@code samverka.role} makes the same jar
 * a command node or a query node ({@link se.samverka.app.role.NodeRole}, sides chosen in
 * {@link se.samverka.app.role.SideSelection}). The two sides share no code path but the kernel.
 */
@SpringBootApplication(scanBasePackages = "se.samverka.app")
public class SamverkaApplication {

    public static void main(String[] args) {
        disableVendorUpdateCheck();
        StartupClassPreloader.start();
        SpringApplication.run(SamverkaApplication.class, args);
    }

    /**
     * Axon 4.13 calls its vendor's update server at start. A municipal service must not phone
     * out on its own, and no operator should need a flag for that.
     */
    static void disableVendorUpdateCheck() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
