using System.Runtime.InteropServices;

namespace PagingServer.Jack.Interop;

/// <summary>Reads the NULL-terminated <c>const char**</c> lists libjack returns and frees them
/// with <c>jack_free</c>.</summary>
internal static class JackStrings
{
    internal static unsafe string[] TakeList(nint list)
    {
        if (list == 0)
        {
            return [];
        }

        try
        {
            var items = (nint*)list;
            var n = 0;
            while (items[n] != 0)
            {
                n++;
            }

            var result = new string[n];
            for (var i = 0; i < n; i++)
            {
                result[i] = Marshal.PtrToStringUTF8(items[i]) ?? string.Empty;
            }

            return result;
        }
        finally
        {
            Libjack.jack_free(list);
        }
    }

    internal static string Read(nint s) => s == 0 ? string.Empty : Marshal.PtrToStringUTF8(s) ?? string.Empty;
}
