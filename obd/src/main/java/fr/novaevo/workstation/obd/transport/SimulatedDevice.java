package fr.novaevo.workstation.obd.transport;

/**
 * The far end of a {@link SimTransport}: something that behaves like an adapter (the virtual vehicle).
 * Its methods are called on the transport's device thread, one at a time.
 */
public interface SimulatedDevice {

    /** The host wrote these bytes. Answer through {@code output}, possibly later and in pieces. */
    void receive(byte[] data, DeviceOutput output);

    /** How a device answers its host. */
    interface DeviceOutput {
        /** Delivers bytes to the host's next reads. */
        void send(byte[] bytes);

        /** Simulates the adapter being unplugged: every later read or write of the host fails. */
        void unplug();
    }
}
