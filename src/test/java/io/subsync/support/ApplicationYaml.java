package io.subsync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The service's own {@code application.yml}, bound as the application binds it but without a context: what a
 * setting defaults to when nothing overrides it. Placeholders resolve against the file alone, so an environment
 * variable such as {@code SUBSYNC_SYNC_RETRY_SCHEDULE} set where the tests run does not change the answer.
 */
public final class ApplicationYaml {
    private ApplicationYaml() {}

    /** The properties under {@code prefix}, e.g. {@code bind("subsync.sync", SyncProperties.class)}. */
    public static <T> T bind(String prefix, Class<T> type) {
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Binder binder = new Binder(
                ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
        return binder.bind(prefix, type)
                .orElseThrow(() -> new IllegalStateException("application.yml has nothing under " + prefix));
    }
}
