package io.sightline.server.common;

import java.util.Map;

/** Where {@link ObservableTypes} reads the custom data types an admin defined: name to whether it holds a file. */
public interface CustomObservableTypeSource {
    Map<String, Boolean> load();
}
