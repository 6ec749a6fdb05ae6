package se.samverka.command.personal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverka.kernel.personal.PersonalDataCipher;
import se.samverka.kernel.personal.PersonalDataKeys;

/**
 * The one cipher both sides use: the workshop seals names as it records them, the projections
 * and the replay open them. The query side sees only the kernel's {@link PersonalDataCipher}.
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {
    @Bean
    public PersonalDataKeys personalDataKeys(JdbcTemplate jdbc) {
        return new JdbcPersonalDataKeys(jdbc);
    }

    @Bean
    public PersonalDataCipher personalDataCipher(PersonalDataKeys keys) {
        return new PersonalDataCipher(keys);
    }
}
