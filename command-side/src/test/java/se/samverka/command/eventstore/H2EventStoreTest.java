package se.samverka.command.eventstore;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.command.testing.TestDatabases;

/** The event store contract on embedded H2 in file mode, as the default service runs it. */
class H2EventStoreTest extends EventStoreContract {
    @TempDir
    static Path dataDir;
    private static DataSource dataSource;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            dataSource = TestDatabases.h2File(dataDir);
        }
        return dataSource;
    }
}
