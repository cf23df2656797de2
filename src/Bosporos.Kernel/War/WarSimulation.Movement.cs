namespace Bosporos.Kernel.War;

/// <summary>Marches: routes by season, one leg at a time, around regions where an enemy army stands.</summary>
public sealed partial class WarSimulation
{
    private readonly int[] pathDist;
    private readonly int[] pathPrev;
    private readonly bool[] pathDone;

    /// <summary>Sends an army towards a region (it re-plans at every region it reaches).</summary>
    private void Order(int army, int region)
    {
        if (!active[army] || inSiege[army])
        {
            return;
        }

        destination[army] = region;
        if (location[army] == region && daysLeft[army] == 0)
        {
            destination[army] = -1;
            return;
        }

        if (daysLeft[army] == 0)
        {
            Emit(WarEventKind.MarchBegan, location[army], army, v1: region);
        }
    }

    private void Move()
    {
        for (var a = 0; a < present.Length; a++)
        {
            if (!active[a] || inSiege[a])
            {
                continue;
            }

            if (daysLeft[a] == 0 && destination[a] >= 0 && destination[a] != location[a])
            {
                var (next, days) = NextLeg(a, location[a], destination[a]);
                if (next < 0)
                {
                    continue; // no open way today (a pass closed by winter): wait
                }

                nextRegion[a] = next;
                daysLeft[a] = days;
            }

            if (daysLeft[a] > 0 && --daysLeft[a] == 0)
            {
                location[a] = nextRegion[a];
                nextRegion[a] = -1;
                if (location[a] == destination[a])
                {
                    destination[a] = -1;
                }

                Emit(WarEventKind.ArmyArrived, location[a], a, v1: present[a]);
            }
        }
    }

    /// <summary>Days a route takes today for this army, or -1 when it cannot use it.</summary>
    private int RouteDays(int route, int army, int day)
    {
        var r = Definition.Routes[route];
        if (r.Kind == RouteKind.Sea && Definition.Armies[army].Side != Power.Rome)
        {
            return -1;
        }

        if (!IsWinter(day))
        {
            return r.Days;
        }

        return r.WinterDays > 0 ? r.WinterDays : -1;
    }

    /// <summary>
    /// The first leg of the quickest way from <paramref name="from"/> to <paramref name="to"/> (Dijkstra over the
    /// routes open today), avoiding regions where a hostile army stands unless it is the goal.
    /// </summary>
    private (int Next, int Days) NextLeg(int army, int from, int to)
    {
        var (dist, prev) = Paths(army, from, to);
        if (dist[to] == int.MaxValue)
        {
            // No way around the enemy: march through him (and meet him) if the roads are open at all.
            (dist, prev) = Paths(army, from, to, avoid: false);
            if (dist[to] == int.MaxValue)
            {
                return (-1, 0);
            }
        }

        var step = to;
        while (prev[step] != from)
        {
            step = prev[step];
        }

        var days = int.MaxValue;
        foreach (var route in adjacency[from])
        {
            var other = routeFrom[route] == from ? routeTo[route] : routeFrom[route];
            var d = RouteDays(route, army, Day);
            if (other == step && d > 0 && d < days)
            {
                days = d;
            }
        }

        return (step, days);
    }

    /// <summary>Days of the quickest way today (int.MaxValue when there is none).</summary>
    private int PathDays(int army, int from, int to) => from == to ? 0 : Paths(army, from, to).Dist[to];

    /// <remarks>
    /// The arrays returned are the simulation's own search buffers, overwritten by the next search: read them before
    /// searching again.
    /// </remarks>
    private (int[] Dist, int[] Prev) Paths(int army, int from, int to, bool avoid = true)
    {
        var n = Definition.Regions.Length;
        var dist = pathDist;
        var prev = pathPrev;
        var done = pathDone;
        Array.Fill(dist, int.MaxValue);
        Array.Fill(prev, -1);
        Array.Clear(done);
        dist[from] = 0;
        for (var k = 0; k < n; k++)
        {
            var u = -1;
            for (var i = 0; i < n; i++)
            {
                if (!done[i] && dist[i] != int.MaxValue && (u < 0 || dist[i] < dist[u]))
                {
                    u = i;
                }
            }

            if (u < 0)
            {
                break;
            }

            done[u] = true;
            if (avoid && u != from && u != to && EnemyStands(army, u))
            {
                continue; // may be reached, not crossed
            }

            foreach (var route in adjacency[u])
            {
                var v = routeFrom[route] == u ? routeTo[route] : routeFrom[route];
                var d = RouteDays(route, army, Day);
                if (d > 0 && dist[u] + d < dist[v])
                {
                    dist[v] = dist[u] + d;
                    prev[v] = u;
                }
            }
        }

        return (dist, prev);
    }

    private bool EnemyStands(int army, int region)
    {
        for (var b = 0; b < present.Length; b++)
        {
            if (location[b] == region && daysLeft[b] == 0 && Fights(b) && Hostile(army, b))
            {
                return true;
            }
        }

        return false;
    }
}
