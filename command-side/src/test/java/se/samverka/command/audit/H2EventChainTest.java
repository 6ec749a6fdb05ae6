package se.samverka.command.audit;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The hash chain on embedded H2 in file mode, as the default service runs it. */
class H2EventChainTest extends EventChainContract {
    @TempDir
    static Path dataDir;
    private static JdbcDataSource dataSource;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("events") + ";WRITE_DELAY=0");
            dataSource.setUser("sa");
        }
        return dataSource;
    }
}
