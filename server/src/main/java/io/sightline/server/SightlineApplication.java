package io.sightline.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SightlineApplication {
    public static void main(String[] args) {
        SpringApplication.run(SightlineApplication.class, args);
    }
}
