package se.samverka.command.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/** The hash chain on the real PostgreSQL of this machine, in a database of its own. */
class PostgresEventChainTest extends EventChainContract {
    private static final String HOST = env("SAMVERKA_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("SAMVERKA_TEST_PG_PORT", "5432");
    private static final String USER = env("SAMVERKA_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("SAMVERKA_TEST_PG_PASSWORD", "");
    private static final String DATABASE = "samverka_chain_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void createDatabase() throws SQLException {
        admin("CREATE DATABASE " + DATABASE);
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
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
