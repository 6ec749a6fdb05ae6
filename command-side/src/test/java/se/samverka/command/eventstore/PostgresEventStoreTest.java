package se.samverka.command.eventstore;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import se.samverka.command.testing.TestDatabases;

/** The event store contract on the real PostgreSQL of this machine, in a database of its own that is dropped afterwards. */
class PostgresEventStoreTest extends EventStoreContract {
    private static TestDatabases.Postgres database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = TestDatabases.createPostgres("samverka_es");
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
