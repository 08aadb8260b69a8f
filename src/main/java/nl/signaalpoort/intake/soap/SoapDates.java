package nl.signaalpoort.intake.soap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Dates and times between the contract's xs:date/xs:dateTime and java.time; null stays null. */
final class SoapDates {

    private static final DatatypeFactory DATES = DatatypeFactory.newDefaultInstance();

    private SoapDates() {
    }

    static XMLGregorianCalendar date(LocalDate date) {
        return date == null ? null : DATES.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    /** An instant in UTC, to the millisecond. */
    static XMLGregorianCalendar dateTime(Instant instant) {
        return instant == null ? null : DATES.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(java.time.ZoneOffset.UTC)));
    }

    static LocalDate local(XMLGregorianCalendar date) {
        return date == null ? null : LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }
}
