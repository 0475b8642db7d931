namespace PagingServer.Sip.Message;

/// <summary>Methods this stack recognises (RFC 3261 7.1 and extensions); anything else is <see cref="Unknown"/>.</summary>
public enum SipMethod : byte
{
    /// <summary>A method not in this list (answered 501 by a UAS, RFC 3261 8.2.1).</summary>
    Unknown = 0,
    /// <summary>INVITE (RFC 3261).</summary>
    Invite,
    /// <summary>ACK (RFC 3261).</summary>
    Ack,
    /// <summary>BYE (RFC 3261).</summary>
    Bye,
    /// <summary>CANCEL (RFC 3261).</summary>
    Cancel,
    /// <summary>OPTIONS (RFC 3261).</summary>
    Options,
    /// <summary>REGISTER (RFC 3261).</summary>
    Register,
    /// <summary>PRACK (RFC 3262).</summary>
    Prack,
    /// <summary>SUBSCRIBE (RFC 6665).</summary>
    Subscribe,
    /// <summary>NOTIFY (RFC 6665).</summary>
    Notify,
    /// <summary>PUBLISH (RFC 3903).</summary>
    Publish,
    /// <summary>INFO (RFC 6086).</summary>
    Info,
    /// <summary>REFER (RFC 3515).</summary>
    Refer,
    /// <summary>MESSAGE (RFC 3428).</summary>
    Message,
    /// <summary>UPDATE (RFC 3311).</summary>
    Update,
}

/// <summary>Method names, case-sensitive as RFC 3261 7.1 requires.</summary>
public static class SipMethods
{
    /// <summary>Identifies a method token.</summary>
    public static SipMethod Identify(ReadOnlySpan<byte> m) => m switch
    {
        _ when m.SequenceEqual("INVITE"u8) => SipMethod.Invite,
        _ when m.SequenceEqual("ACK"u8) => SipMethod.Ack,
        _ when m.SequenceEqual("BYE"u8) => SipMethod.Bye,
        _ when m.SequenceEqual("CANCEL"u8) => SipMethod.Cancel,
        _ when m.SequenceEqual("OPTIONS"u8) => SipMethod.Options,
        _ when m.SequenceEqual("REGISTER"u8) => SipMethod.Register,
        _ when m.SequenceEqual("PRACK"u8) => SipMethod.Prack,
        _ when m.SequenceEqual("SUBSCRIBE"u8) => SipMethod.Subscribe,
        _ when m.SequenceEqual("NOTIFY"u8) => SipMethod.Notify,
        _ when m.SequenceEqual("PUBLISH"u8) => SipMethod.Publish,
        _ when m.SequenceEqual("INFO"u8) => SipMethod.Info,
        _ when m.SequenceEqual("REFER"u8) => SipMethod.Refer,
        _ when m.SequenceEqual("MESSAGE"u8) => SipMethod.Message,
        _ when m.SequenceEqual("UPDATE"u8) => SipMethod.Update,
        _ => SipMethod.Unknown,
    };

    /// <summary>The wire name of a known method (empty for <see cref="SipMethod.Unknown"/>).</summary>
    public static ReadOnlySpan<byte> Name(SipMethod m) => m switch
    {
        SipMethod.Invite => "INVITE"u8,
        SipMethod.Ack => "ACK"u8,
        SipMethod.Bye => "BYE"u8,
        SipMethod.Cancel => "CANCEL"u8,
        SipMethod.Options => "OPTIONS"u8,
        SipMethod.Register => "REGISTER"u8,
        SipMethod.Prack => "PRACK"u8,
        SipMethod.Subscribe => "SUBSCRIBE"u8,
        SipMethod.Notify => "NOTIFY"u8,
        SipMethod.Publish => "PUBLISH"u8,
        SipMethod.Info => "INFO"u8,
        SipMethod.Refer => "REFER"u8,
        SipMethod.Message => "MESSAGE"u8,
        SipMethod.Update => "UPDATE"u8,
        _ => default,
    };
}
