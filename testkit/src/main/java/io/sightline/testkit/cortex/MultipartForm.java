package io.sightline.testkit.cortex;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Minimal multipart/form-data reader for the emulator's file job submissions. */
final class MultipartForm {

    record Part(String name, String filename, String contentType, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    private MultipartForm() {
    }

    static Map<String, Part> parse(String contentType, byte[] body) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            throw new IllegalArgumentException("multipart body without boundary");
        }
        String delimiter = "--" + boundaryMatch.group(1);
        // ISO-8859-1 maps bytes 1:1 to chars, so offsets in the text are offsets in the bytes
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int position = text.indexOf(delimiter);
        while (position >= 0) {
            int headerStart = position + delimiter.length();
            if (text.startsWith("--", headerStart)) {
                break;
            }
            headerStart += 2;
            int headerEnd = text.indexOf("\r\n\r\n", headerStart);
            int next = text.indexOf("\r\n" + delimiter, headerEnd);
            if (headerEnd < 0 || next < 0) {
                throw new IllegalArgumentException("truncated multipart body");
            }
            String headers = text.substring(headerStart, headerEnd);
            byte[] content = text.substring(headerEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
            Part part = new Part(find(NAME, headers), find(FILENAME, headers), contentTypeOf(headers), content);
            parts.put(part.name(), part);
            position = next + 2;
        }
        return parts;
    }

    private static String find(Pattern pattern, String headers) {
        Matcher matcher = pattern.matcher(headers);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String contentTypeOf(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                return line.substring("content-type:".length()).strip();
            }
        }
        return "application/octet-stream";
    }
}
