import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { catalogV1 } from '@junction/contracts';
import { parseRequest, type GrpcHandlers } from '@junction/grpc-server';
import { ProductCatalog } from '../domain/product-catalog';
import {
  batchGetProductsRequest,
  getProductRequest,
  listProductsRequest,
} from './catalog.requests';

const SERVICE = catalogV1.CatalogServiceDefinition.name;

/** gRPC transport for the catalog: validate, then hand to the use cases. */
@Controller()
export class CatalogController implements GrpcHandlers<catalogV1.CatalogServiceDefinition> {
  constructor(private readonly catalog: ProductCatalog) {}

  @GrpcMethod(SERVICE, 'GetProduct')
  getProduct(request: catalogV1.GetProductRequest): catalogV1.GetProductResponse {
    const { id } = parseRequest(getProductRequest, request);
    return { product: this.catalog.get(id) };
  }

  @GrpcMethod(SERVICE, 'ListProducts')
  listProducts(request: catalogV1.ListProductsRequest): catalogV1.ListProductsResponse {
    const { pageSize, pageToken } = parseRequest(listProductsRequest, request);
    return this.catalog.list(pageSize, pageToken);
  }

  @GrpcMethod(SERVICE, 'BatchGetProducts')
  batchGetProducts(request: catalogV1.BatchGetProductsRequest): catalogV1.BatchGetProductsResponse {
    const { ids } = parseRequest(batchGetProductsRequest, request);
    return this.catalog.batchGet(ids);
  }
}
