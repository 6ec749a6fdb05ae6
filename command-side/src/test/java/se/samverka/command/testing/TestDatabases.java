package se.samverka.command.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases for tests of the relational store: embedded H2 in file mode, as the default service
 * runs it, and databases of their own on the real PostgreSQL of this machine (or the one named
 * by {@code SAMVERKA_TEST_PG_HOST/PORT/USER/PASSWORD}), created and dropped by the test.
 */
public final class TestDatabases {
    private static final String HOST = env("SAMVERKA_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("SAMVERKA_TEST_PG_PORT", "5432");
    private static final String USER = env("SAMVERKA_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("SAMVERKA_TEST_PG_PASSWORD", "");

    private TestDatabases() {
    }

    /**
     * An H2 file database in {@code directory}, with the durable write setting the service uses,
     * kept open between statements as the service's connection pool keeps it. Without that, H2
     * closes the file after every statement and opens it again for the next; under load a
     * reopening now and then lost rows written just before (H2EventChainTest found chain entries
     * gone), which the service, never closing its database mid-run, does not do.
     */
    public static DataSource h2File(Path directory) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("events") + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    /** A fresh PostgreSQL database; drop it with {@link Postgres#drop()}. */
    public static Postgres createPostgres(String prefix) throws SQLException {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://" + HOST + ":" + PORT + "/" + name);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return new Postgres(name, dataSource);
    }

    /** A PostgreSQL database a test created. */
    public record Postgres(String name, DataSource dataSource) {
        public void drop() throws SQLException {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
