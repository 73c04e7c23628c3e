# The seed's Python, verbatim from ../shared/seed/acceleration-with-numba.md (the `import numpy`
# and `def matrix_multiply_loops` code cells): numbat compiles it with numbat/python (examples/demo.ts).
import numpy as np

def matrix_multiply_loops(A, B):
    """
    Perform matrix-matrix multiplication using explicit iteration.
    
    Parameters:
    A: First matrix of shape (m, n)
    B: Second matrix of shape (n, p)
    
    Returns:
      Result matrix of size (m, p)
    """
    m, n = A.shape
    n2, p = B.shape
    
    # Ensure the matrices have compatible dimensions
    if n != n2:
        raise ValueError("Inner matrix dimensions must agree.")

    # Initialize result matrix with zeros
    C = np.zeros((m, p))

    for i in range(m):  # Iterate over rows of A
        for j in range(p):  # Iterate over columns of B
            for k in range(n):  # Iterate over common dimension
                C[i, j] += A[i, k] * B[k, j]

    return C
