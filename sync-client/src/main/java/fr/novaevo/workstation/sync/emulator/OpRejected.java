package fr.novaevo.workstation.sync.emulator;

/** One operation refused by a rule; the batch goes on. */
final class OpRejected extends RuntimeException {

    final String code;

    OpRejected(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
