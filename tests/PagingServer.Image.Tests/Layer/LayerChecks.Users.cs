namespace PagingServer.Image.Tests.Layer;

/// <summary>A user a recipe of the layer creates with the useradd class.</summary>
internal sealed record UserAdd(string Recipe, string Name, string? PrimaryGroup, IReadOnlyList<string> Groups);

internal static partial class LayerChecks
{
    /// <summary>
    /// System users that packages of the image create from other layers' recipes (mpd in
    /// meta-multimedia, dbus and systemd in openembedded-core): their IDs must be in the tables
    /// too, or files they own on /data would change owner with an update.
    /// </summary>
    public static readonly IReadOnlyList<string> UpstreamUsers =
        ["mpd", "messagebus", "systemd-network", "systemd-resolve", "systemd-timesync", "systemd-coredump"];

    public static readonly IReadOnlyList<string> UpstreamGroups = ["mpd", "messagebus", "systemd-journal", "audio"];

    /// <summary>USERADD_PARAM commands of every recipe and append: `useradd` options, the user last.</summary>
    public static List<UserAdd> UserAdds(LayerTree layer)
    {
        var users = new List<UserAdd>();
        foreach (string relative in layer.RecipeFiles())
        {
            foreach (Assignment a in layer.Bitbake(relative).Assignments.Where(a => a.BaseName == "USERADD_PARAM" && a.Flag is null))
            {
                foreach (string command in a.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    string[] words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    string? primary = null;
                    var groups = new List<string>();
                    for (int i = 0; i < words.Length - 1; i++)
                    {
                        if (words[i] is "--gid" or "-g")
                            primary = words[i + 1];
                        if (words[i] is "--groups" or "-G")
                            groups.AddRange(words[i + 1].Split(','));
                    }
                    if (words.Length > 0)
                        users.Add(new UserAdd(relative, words[^1], primary, groups));
                }
            }
        }
        return users;
    }

    /// <summary>
    /// Every system user and group the image creates has a fixed number in files/passwd and
    /// files/group (useradd-staticids), numbers are unique, and each user's group exists.
    /// </summary>
    public static List<string> StaticIds(LayerTree layer)
    {
        var problems = new List<string>();
        Dictionary<string, string[]> passwd = Table(layer, "files/passwd", 7, problems);
        Dictionary<string, string[]> group = Table(layer, "files/group", 4, problems);
        var gids = group.GroupBy(g => g.Value[2]).ToDictionary(g => g.Key, g => g.First().Key);
        foreach (UserAdd user in UserAdds(layer))
        {
            if (!passwd.TryGetValue(user.Name, out string[]? entry))
            {
                problems.Add($"{user.Recipe}: user {user.Name} has no static ID in files/passwd");
                continue;
            }
            if (user.PrimaryGroup is { } primary && (!gids.TryGetValue(entry[3], out string? name) || name != primary))
                problems.Add($"files/passwd: {user.Name} has gid {entry[3]}, not the gid of '{primary}' in files/group");
            foreach (string g in user.Groups.Append(user.PrimaryGroup ?? user.Name))
            {
                if (!group.ContainsKey(g))
                    problems.Add($"{user.Recipe}: group {g} of {user.Name} has no static ID in files/group");
            }
        }
        foreach (string name in UpstreamUsers.Where(u => !passwd.ContainsKey(u)))
            problems.Add($"files/passwd lacks {name}, a user the image's packages create");
        foreach (string name in UpstreamGroups.Where(g => !group.ContainsKey(g)))
            problems.Add($"files/group lacks {name}, a group the image's packages create");
        foreach ((string user, string[] entry) in passwd.Where(p => !gids.ContainsKey(p.Value[3])))
            problems.Add($"files/passwd: {user}'s gid {entry[3]} is in no line of files/group");
        problems.AddRange(Duplicates(passwd.Select(p => p.Value[2]), "uid"));
        problems.AddRange(Duplicates(group.Select(g => g.Value[2]), "gid"));
        return problems;
    }

    private static Dictionary<string, string[]> Table(LayerTree layer, string relative, int fields, List<string> problems)
    {
        var table = new Dictionary<string, string[]>();
        if (!layer.Exists(relative))
        {
            problems.Add($"{relative} is missing");
            return table;
        }
        foreach (string line in layer.Text(relative).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split(':');
            if (f.Length != fields || !int.TryParse(f[2], out _))
                problems.Add($"{relative}: '{line}' is not NAME:x:ID:... with {fields} fields");
            else if (!table.TryAdd(f[0], f))
                problems.Add($"{relative}: {f[0]} is listed twice");
        }
        return table;
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> ids, string what) =>
        ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => $"{what} {g.Key} is given twice");
}
