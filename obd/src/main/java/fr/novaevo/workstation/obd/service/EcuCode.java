package fr.novaevo.workstation.obd.service;

/** A fault code as reported by one ECU. */
public record EcuCode(String ecu, DiagnosticTroubleCode code) {
}
