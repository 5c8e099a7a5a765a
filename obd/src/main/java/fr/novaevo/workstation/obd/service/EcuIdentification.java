package fr.novaevo.workstation.obd.service;

import java.util.Optional;

/**
 * What an ECU says about itself through UDS ReadDataByIdentifier (ISO 14229-1 identifiers).
 *
 * @param ecu             the ECU's response address ("7E8")
 * @param vin             DID F190
 * @param sparePartNumber DID F187
 * @param softwareVersion DID F189
 * @param serialNumber    DID F18C
 */
public record EcuIdentification(String ecu, Optional<String> vin, Optional<String> sparePartNumber,
        Optional<String> softwareVersion, Optional<String> serialNumber) {
}
