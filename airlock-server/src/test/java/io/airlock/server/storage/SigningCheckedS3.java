package io.airlock.server.storage;

import java.net.URI;
import java.nio.file.Path;

/**
 * S3Mock behind {@link S3FrontProxy} that verifies request signatures against one secret: S3Mock itself
 * accepts any secret, so a wrong one would otherwise go unnoticed. Integrations under test point at
 * {@link #endpoint()}.
 */
public final class SigningCheckedS3 implements AutoCloseable {

    private final S3MockServer store;
    private final S3FrontProxy proxy;

    private SigningCheckedS3(S3MockServer store, S3FrontProxy proxy) {
        this.store = store;
        this.proxy = proxy;
    }

    public static SigningCheckedS3 start(Path dir, String bucket, String secret) {
        S3MockServer store = S3MockServer.start(dir, bucket);
        try {
            S3FrontProxy proxy = S3FrontProxy.start(store.endpoint());
            proxy.requireSecret(secret);
            return new SigningCheckedS3(store, proxy);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public URI endpoint() {
        return proxy.endpoint();
    }

    @Override
    public void close() {
        proxy.close();
        store.close();
    }
}
