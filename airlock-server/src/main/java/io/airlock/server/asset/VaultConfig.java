package io.airlock.server.asset;

import io.airlock.server.config.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one credential vault of the gateway. */
@Configuration(proxyBeanMethods = false)
class VaultConfig {

    @Bean
    CredentialVault credentialVault(@Value("${airlock.master-key:}") String masterKey,
            @Value("${airlock.master-key-previous:}") String previousKey, DataDirectory data) {
        return CredentialVault.load(masterKey, data.privateDirectory("keys")).rotatingFrom(previousKey);
    }
}
