package fr.novaevo.workstation.ocr.trust;

import fr.novaevo.workstation.ocr.result.PlatformVerification;

/**
 * The platform's professional verification, seen from the documents module (which does not know the platform
 * client): the application implements it over {@code PlatformClient.verifyKbis} when a platform is configured.
 * It may throw, or take too long: the document then simply has no trust level ({@link KbisTrust}).
 */
@FunctionalInterface
public interface KbisVerifier {

    PlatformVerification verify(KbisVerificationRequest request);
}
