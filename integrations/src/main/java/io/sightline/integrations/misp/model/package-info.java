/**
 * MISP's records as MISP names them: what the reader yields (event, event summary, attribute,
 * object, tag, organisation) and what the client sends (new event, new attribute, event update,
 * sample); {@link io.sightline.integrations.misp.model.MispException} is the root of MISP's
 * failures. Depends on nothing else of MISP.
 */
package io.sightline.integrations.misp.model;
