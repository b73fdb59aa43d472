package io.subsync;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Spring application behind {@code serve}, {@code demo} and the commands that need the database. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SubsyncApplication {

    /** The one clock every feature reads time from; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
