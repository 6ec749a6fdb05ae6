package se.samverka.command.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverka.command.testing.TestDatabases;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.problem.DomainException;
import se.samverka.kernel.workshop.ParticipantId;

/** The key table (V6) on an H2 file and on the real PostgreSQL: seal, reveal, erase for good. */
class PersonalDataKeysTest {
    @TempDir
    static Path h2Directory;
    static TestDatabases.Postgres postgres;

    @BeforeAll
    static void createDatabases() throws SQLException {
        postgres = TestDatabases.createPostgres("samverka_keys");
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        postgres.drop();
    }

    static DataSource migrated(String database) {
        DataSource dataSource = database.equals("h2") ? TestDatabases.h2File(h2Directory) : postgres.dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void givenASealedName_whenTheKeyIsErased_thenItReadsAsErasedAndNoNewKeyIsMade(String database) {
        JdbcTemplate jdbc = new JdbcTemplate(migrated(database));
        JdbcPersonalDataKeys keys = new JdbcPersonalDataKeys(jdbc);
        PersonalDataCipher cipher = new PersonalDataCipher(keys);
        ParticipantId erik = new ParticipantId("erik-" + database);
        ParticipantId anna = new ParticipantId("anna-" + database);

        String sealed = cipher.seal(erik, "Erik Eriksson");
        String annas = cipher.seal(anna, "Anna");
        assertThat(sealed).startsWith("pd1:erik-" + database + ":").doesNotContain("Erik Eriksson");
        assertThat(cipher.seal(erik, "Munkedal")).as("one key per participant")
                .isNotEqualTo(cipher.seal(erik, "Munkedal"));
        assertThat(cipher.reveal(sealed)).isEqualTo("Erik Eriksson");

        cipher.erase(erik);
        cipher.erase(erik);

        assertThat(cipher.reveal(sealed)).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(cipher.revealOrNull(sealed)).isNull();
        assertThat(cipher.reveal(annas)).as("others keep theirs").isEqualTo("Anna");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key WHERE participant_id = ?"
                + " AND secret IS NULL AND erased_at IS NOT NULL", Integer.class, erik.value())).isEqualTo(1);
        assertThatThrownBy(() -> cipher.seal(erik, "Erik")).as("an erased participant gets no new key")
                .isInstanceOf(DomainException.class);
    }
}
