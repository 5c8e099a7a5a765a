package fr.novaevo.workstation.sync.emulator;

/** The emulated platform's endpoints, as fault injection names them. */
public enum Endpoint {
    TOKEN, REFRESH, CHANGES, PUSH, PING, OFFERS, RELEASES, FEEDBACK, KBIS
}
