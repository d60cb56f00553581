package io.sightline.server.auth;

/** One organisation a user should belong to, with their profile there (TheHive's InputUserOrganisation). */
public record OrganisationProfile(String organisation, String profile, boolean isDefault) {}
