package io.sightline.server.auth.profiles;

import io.sightline.server.support.H2Database;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = H2Database.class)
class ProfilesOnH2Test extends ProfilesContract {}
