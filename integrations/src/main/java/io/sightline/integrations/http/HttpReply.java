package io.sightline.integrations.http;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** A successful (2xx) answer: status, headers and body. */
public record HttpReply<T>(int status, HttpHeaders headers, T body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}
