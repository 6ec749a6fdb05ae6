package se.samverka.command.audit;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import se.samverka.command.testing.TestDatabases;

/** The hash chain on the real PostgreSQL of this machine, in a database of its own. */
class PostgresEventChainTest extends EventChainContract {
    private static TestDatabases.Postgres database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = TestDatabases.createPostgres("samverka_chain");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        database.drop();
    }

    @Override
    protected DataSource dataSource() {
        return database.dataSource();
    }
}
