using System.Globalization;

namespace GenesysCloud.Extensions.Options.Validation;

/// <summary>An inclusive range of an <see cref="int"/>, <see cref="long"/> or <see cref="TimeSpan"/> option (a missing nullable value passes).</summary>
internal sealed class RangeRuleAttribute : GenesysCloudOptionRuleAttribute
{
    private readonly IComparable _minimum;
    private readonly IComparable _maximum;
    private readonly string _text;

    public RangeRuleAttribute(long minimum, long maximum, string errorCode)
        : base(errorCode)
    {
        _minimum = minimum;
        _maximum = maximum;
        _text = maximum == long.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"must be at least {minimum}")
            : string.Create(CultureInfo.InvariantCulture, $"must be from {minimum} to {maximum}");
    }

    /// <summary>A <see cref="TimeSpan"/> range; <paramref name="minimum"/> and <paramref name="maximum"/> in the invariant <c>c</c> format.</summary>
    public RangeRuleAttribute(string minimum, string maximum, string errorCode)
        : base(errorCode)
    {
        _minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        _maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
        _text = _maximum.CompareTo(TimeSpan.MaxValue) == 0 ? $"must be at least {minimum}" : $"must be from {minimum} to {maximum}";
    }

    protected override string? Check(object? value)
    {
        var comparable = value switch
        {
            null => null,
            int i when _minimum is long => (IComparable)(long)i,
            _ => value as IComparable,
        };

        return comparable is null || (comparable.CompareTo(_minimum) >= 0 && comparable.CompareTo(_maximum) <= 0)
            ? null
            : $"{_text}; the value {Show(value)} is not.";
    }
}
