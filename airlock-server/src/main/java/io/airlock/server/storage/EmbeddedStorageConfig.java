package io.airlock.server.storage;

import io.airlock.server.config.AirlockProperties;
import io.airlock.server.config.DataDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded object store unless {@code AIRLOCK_EMBEDDED_S3=false}. */
@Configuration(proxyBeanMethods = false)
class EmbeddedStorageConfig {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "airlock.embedded-s3.enabled", havingValue = "true", matchIfMissing = true)
    EmbeddedS3Store embeddedS3Store(DataDirectory data, AirlockProperties properties) {
        return EmbeddedS3Store.start(data.privateDirectory("s3"), properties.embeddedS3().port());
    }
}
