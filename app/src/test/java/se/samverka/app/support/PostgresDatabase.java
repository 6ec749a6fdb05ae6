package se.samverka.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own on the machine's PostgreSQL (127.0.0.1:5432 or
 * {@code SAMVERKA_TEST_PG_*}), dropped again on close.
 */
public final class PostgresDatabase implements AutoCloseable {
    public static final String HOST = env("SAMVERKA_TEST_PG_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("SAMVERKA_TEST_PG_PORT", "5432"));
    public static final String USER = env("SAMVERKA_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("SAMVERKA_TEST_PG_PASSWORD", "");

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return new PostgresDatabase(name);
    }

    public String name() {
        return name;
    }

    /** The JDBC URL of this database through {@code host:port} (the real server, or a proxy in front of it). */
    public String url(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String url() {
        return url(HOST, PORT);
    }

    /** The properties that point the service's event store at this database. */
    public String[] serviceProperties(String url) {
        return new String[] {"spring.datasource.url=" + url, "spring.datasource.username=" + USER,
                "spring.datasource.password=" + PASSWORD};
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
