package be.coordinaat.helpdesk;

/** A file that came with an e-mail, for {@link Tickets#addInboundReply} and {@link Tickets#createFromMail}. */
public record InboundAttachment(String fileName, byte[] bytes) {}
