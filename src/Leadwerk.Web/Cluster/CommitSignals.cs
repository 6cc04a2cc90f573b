using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Leadwerk.Web.Cluster;

/// <summary>
/// Sends the signals a save asked for (<see cref="LeadwerkDbContext.SignalAfterCommit"/>) once its
/// transaction has committed, and drops them when it rolls back: another instance that reads again
/// on the signal must find the change, and must not be told of one that never happened.
/// </summary>
public sealed class CommitSignals(ClusterSignals signals) : DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as LeadwerkDbContext)?.FlushSignals(signals);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as LeadwerkDbContext)?.FlushSignals(signals);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as LeadwerkDbContext)?.DropSignals();

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as LeadwerkDbContext)?.DropSignals();
        return Task.CompletedTask;
    }
}
