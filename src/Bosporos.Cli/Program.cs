Console.WriteLine("bosporos");
