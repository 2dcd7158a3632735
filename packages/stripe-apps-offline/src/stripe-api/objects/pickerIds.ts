/**
 * The ids the preview's object picker starts with on each detail page, in
 * each mode: seeded objects (seed.ts gives the first customer, its
 * subscription, the subscription's first invoice, the payment that paid it
 * and the product subscribed to these ids), so a view that retrieves the
 * object in context finds it. A Stripe id names an object in one mode only,
 * so each mode has its own. Plain data: the host page (host/viewports.ts)
 * and the seed both read it.
 */
export const PICKER_IDS = {
  test: {
    customer: 'cus_PreviewCustomer1',
    paymentIntent: 'pi_PreviewPayment001',
    invoice: 'in_PreviewInvoice001',
    product: 'prod_PreviewProduct1',
    subscription: 'sub_PreviewSubscript1',
  },
  live: {
    customer: 'cus_PreviewLiveCust1',
    paymentIntent: 'pi_PreviewLivePay001',
    invoice: 'in_PreviewLiveInv001',
    product: 'prod_PreviewLiveProd1',
    subscription: 'sub_PreviewLiveSubs1',
  },
} as const;
