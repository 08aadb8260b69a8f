package nl.signaalpoort.store;

/** The personal part of a signal as the bytes that are encrypted at rest, and back. */
public final class PersonalDataCodec {

    private PersonalDataCodec() {
    }

    public static byte[] toBytes(PersonalData personalData) {
        return StoreJson.toBytes(personalData);
    }

    public static PersonalData fromBytes(byte[] json) {
        return StoreJson.read(json, PersonalData.class);
    }
}
