package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class S3ClientsTest {

    @Test
    void checkRetriesOnlyAConnectionDroppedUnderneathIt() {
        assertThat(S3Clients.isDroppedConnection(wrapped(new IOException("Unexpected end of file from server"))))
                .isTrue();
        assertThat(S3Clients.isDroppedConnection(wrapped(new ConnectException("Connection refused")))).isFalse();
        assertThat(S3Clients.isDroppedConnection(wrapped(new UnknownHostException("nowhere")))).isFalse();
        assertThat(S3Clients.isDroppedConnection(wrapped(new SocketTimeoutException("Read timed out")))).isFalse();
        assertThat(S3Clients.isDroppedConnection(SdkClientException.create("no I/O at all"))).isFalse();
    }

    private static SdkClientException wrapped(IOException cause) {
        return SdkClientException.create("Unable to execute HTTP request", cause);
    }
}
