package fr.novaevo.workstation.obd.service;

/**
 * One decoded value with its unit, e.g. 2150 "tr/min".
 *
 * @param label what it is, in English ("Engine speed", "Bank 1 sensor 1 voltage")
 * @param value the value in the unit
 * @param unit  the unit symbol ("rpm", "km/h", "°C", "%", "kPa", "V", "g/s", "s", "km", "" for a count)
 */
public record Quantity(String label, double value, String unit) {
}
