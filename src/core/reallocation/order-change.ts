/** A reallocation changes orders with the work-order lifecycle's own steps, in its own transaction when it swaps. */
export { assertCurrentVersion, changeOrderIn, readOrderRow } from '../work-orders/order-transaction';
